package cn.liaocheng.strongtown.demo;

/**
 * What to generate.
 *
 * @param seed fixed seed: the same spec always gives the same lake
 * @param scale 1.0 is city scale (several hundred thousand enterprises); larger values multiply the
 *              enterprise counts for benchmarks (50 reaches tens of millions of enterprise-year rows)
 */
public record DemoSpec(long seed, double scale, int firstYear, int lastYear) {

    public static final long DEFAULT_SEED = 20231001L;

    public DemoSpec {
        if (scale <= 0) {
            throw new IllegalArgumentException("规模系数必须为正数：" + scale);
        }
        if (firstYear > lastYear) {
            throw new IllegalArgumentException("起始年份不能晚于结束年份：" + firstYear + " > " + lastYear);
        }
    }

    /** City scale, 2016–2025, the default seed. */
    public static DemoSpec cityDefault() {
        return new DemoSpec(DEFAULT_SEED, 1.0, 2016, 2025);
    }
}
