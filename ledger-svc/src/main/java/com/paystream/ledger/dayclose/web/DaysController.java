package com.paystream.ledger.dayclose.web;

import com.paystream.ledger.dayclose.CloseResult;
import com.paystream.ledger.dayclose.DayCloseService;
import com.paystream.ledger.dayclose.DayStatus;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Business dates: their close status and trial balance, and closing one on demand. */
@RestController
public class DaysController {

  private final DayCloseService closes;

  public DaysController(DayCloseService closes) {
    this.closes = closes;
  }

  @GetMapping("/v1/days/{date}")
  public DayStatus status(
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return closes.status(date);
  }

  /**
   * 200 with the status when closed (now or before); 409 when it cannot close yet. With {@code
   * early=true} the current business date closes before its cutoff, if early closes are enabled.
   */
  @PostMapping("/v1/days/{date}/close")
  public ResponseEntity<?> close(
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(defaultValue = "false") boolean early) {
    CloseResult result = early ? closes.closeEarly(date) : closes.close(date);
    if (result instanceof CloseResult.Closed closed) {
      return ResponseEntity.ok(closed.status());
    }
    CloseResult.NotClosable refused = (CloseResult.NotClosable) result;
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refused.reason()));
  }
}
