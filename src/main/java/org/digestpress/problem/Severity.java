package org.digestpress.problem;

/** How bad a {@link Problem} is: errors fail the build, warnings are reported but do not. */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The word printed in a diagnostic line, as compilers print it. */
    public String label() {
        return label;
    }
}
