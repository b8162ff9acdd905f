package cn.liaocheng.strongtown.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.liaocheng.strongtown.dashboard.audit.AuditAction;
import cn.liaocheng.strongtown.dashboard.audit.AuditEntry;

/** Audit entries made while serving a request (an export, a user change) carry the client's address. */
class ClientAddressTest {

    @AfterEach
    void reset() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void anExportAuditedDuringARequestCarriesTheClientAddress() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("198.51.100.23");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        assertThat(AuditEntry.of("analyst", AuditAction.EXPORT, "league csv 2024").remoteAddress())
                .isEqualTo("198.51.100.23");
    }

    @Test
    void outsideARequestThereIsNoAddress() {
        assertThat(ClientAddress.current()).isNull();
        assertThat(AuditEntry.of(null, AuditAction.EXPORT, "report").remoteAddress()).isNull();
    }
}
