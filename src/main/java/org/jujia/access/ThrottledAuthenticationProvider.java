package org.jujia.access;

import java.time.Clock;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/** Username/password authentication that counts failures and locks accounts per {@link LoginThrottlePolicy}. */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final UserStore users;
    private final LoginThrottlePolicy policy;
    private final Clock clock;

    ThrottledAuthenticationProvider(DaoAuthenticationProvider delegate, UserStore users, LoginThrottlePolicy policy, Clock clock) {
        this.delegate = delegate;
        this.users = users;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        try {
            Authentication result = delegate.authenticate(authentication);
            users.recordSuccess(username);
            return result;
        } catch (BadCredentialsException e) {
            int failures = users.recordFailure(username);
            policy.lockAfter(failures, clock.instant()).ifPresent(until -> users.lock(username, until));
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
