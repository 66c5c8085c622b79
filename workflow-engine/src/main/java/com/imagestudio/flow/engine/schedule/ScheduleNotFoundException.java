package com.imagestudio.flow.engine.schedule;

/** No such schedule for this owner (another owner's schedule is no such schedule). */
public class ScheduleNotFoundException extends RuntimeException {

    public ScheduleNotFoundException(String scheduleId) {
        super("no schedule " + scheduleId);
    }
}
