package cn.liaocheng.strongtown.catalog;

/**
 * Peer-group settings (分类指导).
 *
 * @param clusters number of structural clusters (k-means over standardised structure variables)
 * @param similar how many most similar towns to list for each town
 */
public record Peers(int clusters, int similar) {

    public static final Peers DEFAULT = new Peers(4, 5);
}
