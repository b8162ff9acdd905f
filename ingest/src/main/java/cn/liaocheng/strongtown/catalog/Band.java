package cn.liaocheng.strongtown.catalog;

/** A performance band of the composite score: a town belongs to the highest band whose {@code min} it reaches. */
public record Band(String id, Bilingual name, double min) {
}
