package cn.liaocheng.strongtown.methodology;

import java.util.List;

/** The methodology as plain structure (headings, paragraphs, tables), for any renderer. */
public record MethodologyDocument(String title, List<Section> sections) {

    /** @param table header row first; empty when the section has no table */
    public record Section(String heading, List<String> paragraphs, List<List<String>> table) {
    }
}
