package com.imagestudio.flow.activities.nodes.edit;

import com.imagestudio.flow.catalog.schema.ChoiceEnum;

/** What Stability's search edits do with the object they find. */
public enum SearchMode implements ChoiceEnum {
    REPLACE("Replace", "Replace the found object with what the prompt describes",
            "search-and-replace", "search_prompt"),
    RECOLOR("Recolour", "Recolour the found object as the prompt describes",
            "search-and-recolor", "select_prompt");

    private final String label;
    private final String description;
    private final String operation;
    private final String searchField;

    SearchMode(String label, String description, String operation, String searchField) {
        this.label = label;
        this.description = description;
        this.operation = operation;
        this.searchField = searchField;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String description() {
        return description;
    }

    public String path() {
        return "/v2beta/stable-image/edit/" + operation;
    }

    /** The field naming what to find: search_prompt or select_prompt. */
    public String searchField() {
        return searchField;
    }

    public String costKey() {
        return "stability.edit." + operation;
    }
}
