package cn.liaocheng.strongtown.dashboard.league;

import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.dashboard.SignedInAnalystTest;

/** League service tests run as an analyst on the newest scored year. */
abstract class SignedInLeagueTest extends SignedInAnalystTest {

    @Autowired
    LeagueService league;
}
