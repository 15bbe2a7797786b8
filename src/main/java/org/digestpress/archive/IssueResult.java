package org.digestpress.archive;

/**
 * One issue at the end of an archive run.
 *
 * @param record      what the archive record keeps for it: the new record, the previous one (a
 *                    failed, up-to-date or kept issue) or null (a new issue that failed, a pruned one)
 * @param publication the publication's title as this build found it, null when the issue was not built
 * @param language    the publication's language, likewise
 */
record IssueResult(Archive.IssueOutcome outcome, ArchiveRecord.Issue record, String publication, String language) {
}
