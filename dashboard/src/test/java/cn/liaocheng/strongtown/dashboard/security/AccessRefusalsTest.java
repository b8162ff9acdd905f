package cn.liaocheng.strongtown.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.liaocheng.strongtown.dashboard.DashboardTestContext;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.user.UserService;

/** A refused access of a signed-in user is logged once, with user and client address. */
@ExtendWith(OutputCaptureExtension.class)
class AccessRefusalsTest extends DashboardTestContext {

    @Autowired
    CountyScope countyScope;
    @Autowired
    UserService users;

    @AfterEach
    void reset() {
        TestUsers.signOut();
        RequestContextHolder.resetRequestAttributes();
    }

    private static void fromAddress(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    private static long lines(CapturedOutput output, String... parts) {
        return output.getAll().lines().filter(l -> {
            for (String part : parts) {
                if (!l.contains(part)) {
                    return false;
                }
            }
            return true;
        }).count();
    }

    @Test
    void anotherCountysDataIsRefusedAndLoggedOnce(CapturedOutput output) {
        TestUsers.signIn(Role.COUNTY);
        fromAddress("192.0.2.41");
        assertThatThrownBy(() -> countyScope.restrict(TestUsers.OTHER_COUNTY)).isInstanceOf(AccessDeniedException.class);
        assertThat(lines(output, "access refused", "county " + TestUsers.OTHER_COUNTY, "user=test-county",
                "address=192.0.2.41")).isEqualTo(1);
    }

    @Test
    void aServiceMethodRefusedByItsRoleCheckIsLoggedOnce(CapturedOutput output) {
        TestUsers.signIn(Role.REVIEWER);
        fromAddress("192.0.2.42");
        assertThatThrownBy(() -> users.users()).isInstanceOf(AccessDeniedException.class);
        assertThat(lines(output, "access refused", "UserService.users", "user=test-reviewer", "address=192.0.2.42"))
                .isEqualTo(1);
    }
}
