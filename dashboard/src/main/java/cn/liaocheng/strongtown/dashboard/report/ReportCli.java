package cn.liaocheng.strongtown.dashboard.report;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.liaocheng.strongtown.dashboard.StrongTownApplication;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.security.StrongTownUser;
import picocli.CommandLine;

/**
 * Runs {@link ReportCommand} ({@code java -jar dashboard.jar report …}): a Spring context without the
 * web server, the views' security chain or the first-start account set-up, acting as the city office
 * (a local operator who can read the lake may read its reports). Messages are Chinese; no stack traces.
 */
public final class ReportCli {

    /** The first argument that selects this command instead of the web application. */
    public static final String COMMAND = "report";
    /** Beans that only the web application needs (HTTP security, Vaadin services, the first admin account). */
    static final Set<String> WEB_ONLY = Set.of(
            "cn.liaocheng.strongtown.dashboard.security.SecurityConfig",
            "cn.liaocheng.strongtown.dashboard.security.ViewAccess",
            "cn.liaocheng.strongtown.dashboard.i18n.LocaleSupport",
            "cn.liaocheng.strongtown.dashboard.user.InitialUsers");
    static final String OPERATOR = "cli";
    /** Vaadin 24.9's auto-configurations (META-INF/spring/…AutoConfiguration.imports of vaadin-spring; Hilla's are not on the class path). */
    static final java.util.List<String> VAADIN_AUTO_CONFIGURATIONS = java.util.List.of(
            "com.vaadin.flow.spring.SpringBootAutoConfiguration", "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
            "com.vaadin.flow.spring.VaadinScopesConfig");

    private ReportCli() {
    }

    /**
     * Method security stays on in the command's context (the services' role checks apply). Not a
     * {@code @Configuration}: the web application's component scan must not pick it up; the command
     * registers it as a source of its own context.
     */
    @EnableMethodSecurity
    static class CommandSecurity {

        /** The account services need an encoder (the web app's comes with its HTTP security). */
        @Bean
        PasswordEncoder passwordEncoder() {
            return PasswordEncoderFactories.createDelegatingPasswordEncoder();
        }
    }

    /** Leaves the web-only beans out of the component scan. */
    static final class WebOnlyExclusion extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return WEB_ONLY.contains(reader.getClassMetadata().getClassName());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof WebOnlyExclusion;
        }

        @Override
        public int hashCode() {
            return WebOnlyExclusion.class.hashCode();
        }
    }

    /** Runs the command with {@code args} (the first being {@code report}) and returns the exit code. */
    public static int run(String[] args) {
        return run(args, Map.of(), new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** As {@link #run(String[])}, with extra Spring properties (tests use their own lake and state). */
    static int run(String[] args, Map<String, Object> properties, PrintWriter out, PrintWriter err) {
        String[] rest = java.util.Arrays.copyOfRange(args, args.length > 0 && COMMAND.equals(args[0]) ? 1 : 0, args.length);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("spring.main.banner-mode", "off");
        settings.put("spring.main.log-startup-info", "false");
        settings.put("logging.level.root", "WARN");
        // failures are explained in Chinese by the command itself, not by Spring's English start-up report
        settings.put("logging.level.org.springframework", "OFF");
        settings.put("logging.level.cn.liaocheng.strongtown.dashboard.lake", "ERROR");
        // Vaadin's auto-configurations need a servlet context; left out before their conditions are weighed
        settings.put("spring.autoconfigure.exclude", String.join(",", VAADIN_AUTO_CONFIGURATIONS));
        // the command reads what is published; it never generates or scores a lake itself
        settings.put("strongtown.demo-on-first-start", "false");
        settings.putAll(properties);
        CommandLine cli = new CommandLine(new ReportCommand(ignored -> start(settings)));
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, given) -> {
            err.println(explain(ex));
            ex.getCommandLine().usage(err);
            return ReportCommand.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            err.println(explain(ex));
            return ReportCommand.FAILED;
        });
        try {
            SecurityContextHolder.getContext().setAuthentication(operator());
            return cli.execute(rest);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> settings) {
        return new SpringApplicationBuilder(StrongTownApplication.class, CommandSecurity.class)
                .web(WebApplicationType.NONE)
                .properties(settings)
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("reportCliWebOnlyExclusion", new WebOnlyExclusion());
                    context.addBeanFactoryPostProcessor(ReportCli::dropVaadinBeans);
                })
                .run();
    }

    /**
     * A safety net for Vaadin beans that a future Vaadin version adds outside the excluded auto-configurations:
     * removed once all configuration classes are read. Nothing the reports use depends on them.
     */
    static void dropVaadinBeans(ConfigurableListableBeanFactory factory) {
        BeanDefinitionRegistry registry = (BeanDefinitionRegistry) factory;
        for (String name : factory.getBeanDefinitionNames()) {
            BeanDefinition definition = factory.getBeanDefinition(name);
            String declaring = definition instanceof AnnotatedBeanDefinition annotated
                    && annotated.getFactoryMethodMetadata() != null
                    ? annotated.getFactoryMethodMetadata().getDeclaringClassName() : definition.getBeanClassName();
            if (declaring != null && declaring.startsWith("com.vaadin.")) {
                registry.removeBeanDefinition(name);
            }
        }
    }

    private static UsernamePasswordAuthenticationToken operator() {
        StrongTownUser user = new StrongTownUser(OPERATOR, "{noop}unused", "命令行", Role.OFFICE, null, true, true);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    /** A Chinese explanation of a failure: the argument error, or the deepest cause's kind, never a stack trace. */
    static String explain(Throwable e) {
        if (e instanceof CommandLine.MissingParameterException missing) {
            return "缺少必需的参数：" + missing.getMissing().stream().map(a -> a.paramLabel().isEmpty() ? a.toString()
                    : a instanceof CommandLine.Model.OptionSpec o ? o.longestName() : a.paramLabel())
                    .reduce((a, b) -> a + "、" + b).orElse("");
        }
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            return "无法识别的参数：" + String.join(" ", unmatched.getUnmatched());
        }
        if (e instanceof CommandLine.ParameterException) {
            return "参数有误（如年度须为整数）：" + firstLine(e.getMessage()).replaceAll("[^\\x20-\\x7e\\u4e00-\\u9fff：，。]", "");
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : firstLine(root.getMessage());
        if (message.contains("lock") || message.contains("Conflicting lock")) {
            return "工作库正被另一进程（如正在运行的看板）占用：请先停止看板，或用 --strongtown.workflow-db 指定另一工作库。";
        }
        if (message.contains("no published snapshot")) {
            return "湖中还没有发布的快照：请先启动看板（首次启动会生成演示数据并评分）或运行评分命令。";
        }
        // no exception class or English text on the command line: a Chinese reason if the cause gave one
        return "生成报告失败。" + (message.matches(".*\\p{IsHan}.*") ? message : "请检查数据目录与工作库后重试。");
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
