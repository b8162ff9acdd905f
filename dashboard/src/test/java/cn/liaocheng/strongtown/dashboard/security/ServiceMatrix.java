package cn.liaocheng.strongtown.dashboard.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.AuthenticationException;

import cn.liaocheng.strongtown.dashboard.TestUsers;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

/**
 * The checks every role-matrix test runs on its rows (this package's {@code RoleMatrixTest} and the features' own
 * {@code *RoleMatrixTest}): each service method called as every role, and anonymously; every public method covered
 * by a row and carrying a role check.
 */
public final class ServiceMatrix {

    /** One row: a service method, the roles that may call it, and a call of it. */
    public record Call(Class<?> service, String method, Set<Role> allowed, Runnable run) {
        public String label() {
            return service.getSimpleName() + "." + method;
        }
    }

    private ServiceMatrix() {
    }

    /** Calls each row as every role; the rows whose outcome disagrees with their allowed roles. */
    public static List<String> misgranted(List<Call> calls) {
        return misgranted(calls, Set.of());
    }

    /**
     * As {@link #misgranted(List)}, where the given exceptions mean that the call passed the role check and was then
     * refused by the feature's own rules (e.g. a state that does not allow the step).
     */
    public static List<String> misgranted(List<Call> calls, Set<Class<? extends RuntimeException>> passedTheRoleCheck) {
        List<String> wrong = new ArrayList<>();
        for (Call call : calls) {
            for (Role role : Role.values()) {
                TestUsers.signIn(role);
                boolean allowed;
                try {
                    call.run().run();
                    allowed = true;
                } catch (AccessDeniedException denied) {
                    allowed = false;
                } catch (RuntimeException refused) {
                    if (passedTheRoleCheck.stream().noneMatch(type -> type.isInstance(refused))) {
                        throw refused;
                    }
                    allowed = true;
                } finally {
                    TestUsers.signOut();
                }
                if (allowed != call.allowed().contains(role)) {
                    wrong.add(call.label() + " " + role + (allowed ? " allowed" : " denied"));
                }
            }
        }
        return wrong;
    }

    /** Every row refuses a caller who is not signed in. */
    public static void assertAnonymousRefused(List<Call> calls) {
        for (Call call : calls) {
            assertThatThrownBy(() -> call.run().run()).as(call.label())
                    .isInstanceOfAny(AccessDeniedException.class, AuthenticationException.class);
        }
    }

    /** The rows' labels, to compare with {@link #publicMethods}. */
    public static Set<String> covered(List<Call> calls) {
        Set<String> labels = new TreeSet<>();
        calls.forEach(c -> labels.add(c.label()));
        return labels;
    }

    /** {@code Service.method} of every public instance method of the services. */
    public static Set<String> publicMethods(Collection<Class<?>> services) {
        Set<String> methods = new TreeSet<>();
        for (Class<?> service : services) {
            for (Method m : service.getDeclaredMethods()) {
                if (isPublicInstance(m)) {
                    methods.add(service.getSimpleName() + "." + m.getName());
                }
            }
        }
        return methods;
    }

    /** The public instance methods with no role check, on the method or on its class ({@code @PermitAll} is none). */
    public static List<String> unchecked(Collection<Class<?>> services) {
        List<String> unchecked = new ArrayList<>();
        for (Class<?> service : services) {
            boolean classLevel = service.isAnnotationPresent(RolesAllowed.class) || service.isAnnotationPresent(PreAuthorize.class);
            for (Method m : service.getDeclaredMethods()) {
                if (!isPublicInstance(m)) {
                    continue;
                }
                boolean methodLevel = AnnotatedElementUtils.hasAnnotation(m, RolesAllowed.class)
                        || AnnotatedElementUtils.hasAnnotation(m, PreAuthorize.class);
                if (m.isAnnotationPresent(PermitAll.class) || !(classLevel || methodLevel)) {
                    unchecked.add(service.getSimpleName() + "." + m.getName());
                }
            }
        }
        return unchecked;
    }

    private static boolean isPublicInstance(Method m) {
        return Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic();
    }
}
