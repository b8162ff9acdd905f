package cn.liaocheng.strongtown.dashboard.profile;

/** The composite city rank of one year with its P5–P95 interval (null where not computed). */
public record RankPoint(int year, int rank, Double rankP5, Double rankP95) {
}
