package org.example.shadow;

/** The Freshet-class-path version of a class a test jar also contains (with another {@link #VERSION}). */
public final class Versioned {

    public static final String VERSION = "parent";

    private Versioned() {}

    public static String version() {
        return VERSION;
    }
}
