package org.jujia.elder;

/** All rows or none (the default), or commit the valid rows and hand back the rejects as a spreadsheet. */
public enum ImportMode {
    ALL_OR_NOTHING, COMMIT_VALID
}
