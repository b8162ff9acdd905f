package cn.liaocheng.strongtown.dashboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Strong-Town Monitor dashboard. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StrongTownApplication {

    public static void main(String[] args) {
        SpringApplication.run(StrongTownApplication.class, args);
    }
}
