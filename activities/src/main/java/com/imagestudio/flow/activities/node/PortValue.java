package com.imagestudio.flow.activities.node;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.catalog.schema.PortType;

import java.util.List;
import java.util.stream.Stream;

/**
 * A value on a port, small enough for a Temporal payload: media as blob references, text and
 * numbers as themselves. Exactly one of blob, text, number or list is set.
 */
public record PortValue(PortType type, BlobRef blob, String text, Double number, List<BlobRef> list) {

    public static PortValue media(PortType type, BlobRef blob) {
        return new PortValue(type, blob, null, null, null);
    }

    public static PortValue text(String text) {
        return new PortValue(PortType.TEXT, null, text, null, null);
    }

    public static PortValue number(double number) {
        return new PortValue(PortType.NUMBER, null, null, number, null);
    }

    public static PortValue imageList(List<BlobRef> images) {
        return new PortValue(PortType.IMAGE_LIST, null, null, null, List.copyOf(images));
    }

    /** The blob references it holds: its blob, those of its list, or none. */
    public Stream<BlobRef> blobs() {
        return list != null ? list.stream() : Stream.ofNullable(blob);
    }

    /** What identifies the content, for the node cache key. */
    public String contentKey() {
        if (blob != null) {
            return blob.hash();
        }
        if (list != null) {
            return String.join(",", list.stream().map(BlobRef::hash).toList());
        }
        return text != null ? "text:" + text : "number:" + number;
    }
}
