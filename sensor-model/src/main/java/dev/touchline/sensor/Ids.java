package dev.touchline.sensor;

/** Validation shared by the identifier records. */
final class Ids {
    private Ids() {
    }

    static void checkPrintable(String what, String value, int maxLength) {
        if (value == null) {
            throw new NullPointerException(what + " value is null");
        }
        if (value.isEmpty() || value.length() > maxLength) {
            throw new IllegalArgumentException(what + " must have 1 to " + maxLength + " characters, had "
                    + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(what + " must not contain control characters (index " + i + ")");
            }
        }
    }
}
