package com.imagestudio.flow.engine.assets;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Manual tags as stored: trimmed, lower case, 1 to 40 letters, digits, spaces, '-', '_' or ':'; no duplicates. */
final class Tags {

    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N} _:-]{1,40}");
    private static final int MAX_TAGS = 50;

    private Tags() {
    }

    static List<String> normalised(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String tag : tags) {
            String t = tag == null ? "" : tag.trim().toLowerCase(Locale.ROOT);
            if (!TAG.matcher(t).matches()) {
                throw new IllegalArgumentException("a tag is 1 to 40 letters, digits, spaces, '-', '_' or ':', got \"" + tag + "\"");
            }
            out.add(t);
        }
        if (out.size() > MAX_TAGS) {
            throw new IllegalArgumentException("an asset has at most " + MAX_TAGS + " tags");
        }
        return List.copyOf(out);
    }
}
