package cn.liaocheng.strongtown.dashboard;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.dashboard.lake.MartReader;
import cn.liaocheng.strongtown.dashboard.security.Role;

/** Service tests that run as an analyst, once the test lake is ready, on the newest scored year. */
public abstract class SignedInAnalystTest extends DashboardTestContext {

    @Autowired
    protected MartReader marts;
    protected int year;

    @BeforeEach
    void signInAsAnalyst() {
        awaitLake();
        TestUsers.signIn(Role.ANALYST);
        year = marts.scoredYears().get(0);
    }

    @AfterEach
    void signOutAgain() {
        TestUsers.signOut();
    }
}
