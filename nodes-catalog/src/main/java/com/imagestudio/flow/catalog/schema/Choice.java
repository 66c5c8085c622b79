package com.imagestudio.flow.catalog.schema;

/** One allowed value of an ENUM parameter, with what a person reads. */
public record Choice(String value, String label, String description) {
}
