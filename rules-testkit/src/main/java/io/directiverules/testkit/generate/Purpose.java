package io.directiverules.testkit.generate;

/** The independent random streams of the generator: changing one kind of fact never shifts another. */
final class Purpose {
    static final int LAYOUT = 1;
    static final int UNIT = 2;
    static final int OFFICIAL = 3;
    static final int DECLARATIONS = 4;
    static final int ROTATION = 5;
    static final int GIFTS = 6;
    static final int PLANS = 7;
    static final int DISSEMINATION = 8;
    static final int REPORTS = 9;
    static final int CASES = 10;
    static final int SUPERVISION = 11;
    static final int ASSESSMENT = 12;

    private Purpose() {
    }
}
