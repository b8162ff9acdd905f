package cn.liaocheng.strongtown.dashboard.security;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.vaadin.flow.server.VaadinRequest;

/**
 * The address of the client whose request is being served (as the servlet container sees it: behind a reverse
 * proxy, set {@code server.forward-headers-strategy=native} so that it is the browser's, not the proxy's); null
 * outside a request (a background task, the command line).
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            return servlet.getRequest().getRemoteAddr();
        }
        VaadinRequest vaadin = VaadinRequest.getCurrent();
        return vaadin != null ? vaadin.getRemoteAddr() : null;
    }
}
