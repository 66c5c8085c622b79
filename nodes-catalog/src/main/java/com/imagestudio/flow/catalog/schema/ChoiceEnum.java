package com.imagestudio.flow.catalog.schema;

import java.util.Locale;

/**
 * An enum whose constants are the choices of an ENUM parameter. The wire value is the constant's
 * name in lower case, so code branches on the enum and never on display strings.
 */
public interface ChoiceEnum {
    String label();

    String description();

    static String wireValue(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
