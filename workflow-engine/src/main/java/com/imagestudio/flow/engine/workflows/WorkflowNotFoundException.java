package com.imagestudio.flow.engine.workflows;

/** The asking user has no such workflow, or no such version of it (another user's is no such workflow). */
public class WorkflowNotFoundException extends RuntimeException {

    public WorkflowNotFoundException(String id) {
        super("no workflow " + id);
    }

    public WorkflowNotFoundException(String id, int version) {
        super("workflow " + id + " has no version " + version);
    }
}
