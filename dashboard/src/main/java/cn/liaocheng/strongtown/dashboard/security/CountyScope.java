package cn.liaocheng.strongtown.dashboard.security;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The county rule: a county user reads only their own county's non-public data. Services pass the
 * county a caller asked for (null = whole city) through {@link #restrict}; views use
 * {@link #lockedCounty} to force and lock their county filter.
 */
@Component
public class CountyScope {

    private final CurrentUser currentUser;
    private final AccessRefusals refusals;

    public CountyScope(CurrentUser currentUser, AccessRefusals refusals) {
        this.currentUser = currentUser;
        this.refusals = refusals;
    }

    /**
     * The county a query may read: for city-wide roles the requested one (null = whole city); for a
     * county user their own county, and a request for another county is denied.
     */
    public String restrict(String requestedCounty) {
        StrongTownUser user = currentUser.require();
        if (!user.role().countyBound()) {
            return requestedCounty;
        }
        if (requestedCounty == null || requestedCounty.equals(user.countyCode())) {
            return user.countyCode();
        }
        AccessDeniedException refusal = new AccessDeniedException("县区用户 " + user.getUsername() + " 无权查看 "
                + requestedCounty + " 的数据");
        refusals.refused(refusal, "county " + requestedCounty);
        throw refusal;
    }

    /** The county the current user is bound to, if any. */
    public Optional<String> lockedCounty() {
        return currentUser.get().filter(u -> u.role().countyBound()).map(StrongTownUser::countyCode);
    }
}
