package com.imagestudio.flow.web.credits;

import com.imagestudio.flow.engine.credits.Balance;
import com.imagestudio.flow.engine.credits.CreditLedger;
import com.imagestudio.flow.engine.credits.LedgerEntry;
import com.imagestudio.flow.engine.credits.UsageRow;
import com.imagestudio.flow.web.user.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The asking user's credits: balance, a page of the ledger, and usage per day and node type. */
@RestController
@RequestMapping("/api/credits")
class CreditsController {

    private static final int MAX_PAGE = 200;
    private static final int MAX_USAGE_DAYS = 366;

    private final CreditLedger ledger;
    private final CurrentUser user;
    private final Clock clock;

    CreditsController(CreditLedger ledger, CurrentUser user, Clock clock) {
        this.ledger = ledger;
        this.user = user;
        this.clock = clock;
    }

    @GetMapping
    Credits credits(@RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset,
                    @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        if (limit < 1 || limit > MAX_PAGE || offset < 0) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_PAGE + " and offset at least 0");
        }
        LocalDate until = to == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : to;
        LocalDate since = from == null ? until.minusDays(29) : from;
        if (since.isAfter(until) || since.plusDays(MAX_USAGE_DAYS).isBefore(until)) {
            throw new IllegalArgumentException("usage covers 1 to " + MAX_USAGE_DAYS + " days, from before to");
        }
        Balance balance = ledger.balance(user.id());
        return new Credits(balance, ledger.entries(user.id(), limit, offset), new Usage(since, until,
                ledger.usage(user.id(), since, until)));
    }

    record Credits(Balance balance, List<LedgerEntry> ledger, Usage usage) {
    }

    record Usage(LocalDate from, LocalDate to, List<UsageRow> rows) {
    }
}
