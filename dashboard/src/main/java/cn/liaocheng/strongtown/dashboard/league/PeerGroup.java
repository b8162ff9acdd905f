package cn.liaocheng.strongtown.dashboard.league;

/**
 * A peer group of a year as the league filter offers it.
 *
 * @param id the cluster number of the {@code peer_groups} mart
 * @param towns how many towns of the caller's scope it holds
 */
public record PeerGroup(int id, int towns) {
}
