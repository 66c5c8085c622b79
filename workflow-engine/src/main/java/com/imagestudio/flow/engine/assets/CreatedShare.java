package com.imagestudio.flow.engine.assets;

/** A share just made, with its token: the only time the token is seen. */
public record CreatedShare(Share share, String token) {

    @Override
    public String toString() {
        return "CreatedShare[" + share + ", token=<hidden>]";
    }
}
