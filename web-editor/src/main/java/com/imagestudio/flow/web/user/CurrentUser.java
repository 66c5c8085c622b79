package com.imagestudio.flow.web.user;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who is asking: the user {@link ApiKeySecurity} resolved for this request. Every service
 * call takes this owner, so one user's runs, assets and credits never reach another.
 */
@Component
public class CurrentUser {

    static final String ATTRIBUTE = CurrentUser.class.getName();

    public String id() {
        Object user = RequestContextHolder.currentRequestAttributes().getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (user == null) {
            throw new IllegalStateException("no user was resolved for this request");
        }
        return (String) user;
    }
}
