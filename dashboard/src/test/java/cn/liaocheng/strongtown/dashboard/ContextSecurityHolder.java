package cn.liaocheng.strongtown.dashboard;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Before each test, makes the security-context holder of the test's own Spring context the global one.
 * Vaadin's {@code VaadinAwareSecurityContextHolderStrategyConfiguration} gives every Spring context a holder
 * with a thread-local of its own and installs the newest as global: a test on an older cached context would
 * sign in through the newest context's holder while its own method security reads its own — and be refused.
 * (The running dashboard has one context, so this concerns tests with more than one.)
 */
public final class ContextSecurityHolder implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        SecurityContextHolder.setContextHolderStrategy(
                SpringExtension.getApplicationContext(context).getBean(SecurityContextHolderStrategy.class));
    }
}
