package com.auditeng.db.data;

import java.util.UUID;

/** A finding names an analysis that does not exist (or was deleted meanwhile). */
public final class MissingAnalysisException extends DataAccessException {
    public MissingAnalysisException(UUID analysisId, Throwable cause) {
        super("analysis " + analysisId + " does not exist, so no finding can be added to it; store the analysis "
                + "first (AnalysisRepository.store), or check the id", cause);
    }
}
