package cn.liaocheng.strongtown.dashboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import cn.liaocheng.strongtown.dashboard.report.ReportCli;

/** The Strong-Town Monitor dashboard. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StrongTownApplication {

    public static void main(String[] args) {
        // "report …" makes a report from the command line (report.ReportCli) instead of serving the web app
        if (args.length > 0 && ReportCli.COMMAND.equals(args[0])) {
            System.exit(ReportCli.run(args));
        }
        SpringApplication.run(StrongTownApplication.class, args);
    }
}
