package com.imagestudio.flow.catalog.reference;

/** The rectangle of a format that no interface covers: where text and logos belong. */
public record SafeArea(int x, int y, int width, int height) {
}
