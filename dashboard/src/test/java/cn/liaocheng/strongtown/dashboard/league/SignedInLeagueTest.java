package cn.liaocheng.strongtown.dashboard.league;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.dashboard.DashboardTestContext;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.security.Role;

/** League service tests run as an analyst on the newest scored year. */
abstract class SignedInLeagueTest extends DashboardTestContext {

    @Autowired
    LeagueService league;
    int year;

    @BeforeEach
    void signInAsAnalyst() {
        awaitLake();
        TestUsers.signIn(Role.ANALYST);
        year = league.years().get(0);
    }

    @AfterEach
    void signOutAgain() {
        TestUsers.signOut();
    }
}
