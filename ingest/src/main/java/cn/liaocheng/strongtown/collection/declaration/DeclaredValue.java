package cn.liaocheng.strongtown.collection.declaration;


/**
 * One accepted value in the catalog's unit; {@code value} null marks a value withdrawn by a restore
 * (the scoring treats the newest revision being null as "no value").
 */
public record DeclaredValue(String townCode, String indicatorId, Double value) {

    public String key() {
        return townCode + "/" + indicatorId;
    }
}
