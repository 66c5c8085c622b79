package com.imagestudio.flow.web.keys;

public class KeyNotFoundException extends RuntimeException {

    KeyNotFoundException(String id) {
        super("no API key " + id);
    }
}
