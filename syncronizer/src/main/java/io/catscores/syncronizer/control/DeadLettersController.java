package io.catscores.syncronizer.control;

import io.catscores.syncronizer.scores.DeadLetters;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dead letters an operator can work with, behind the admin token even to read (the payloads
 * identify players): the newest, optionally by reason, and replaying chosen ones (DeadLettersIT).
 */
@RestController
@RequestMapping(DeadLettersController.BASE)
class DeadLettersController {

  static final String BASE = "/api/v1/scores/dead-letters";
  private static final int MAX_LIMIT = 500;

  private final DeadLetters deadLetters;

  DeadLettersController(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  @GetMapping
  List<DeadLetters.Entry> list(
      @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String reason) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw badRequest("limit must be between 1 and " + MAX_LIMIT);
    }
    return deadLetters.newest(limit, reason);
  }

  /** {"all": true}, {"ids": [...]} or {"reason": "unknown game"}: exactly one of them. */
  record ReplayRequest(Boolean all, List<String> ids, String reason) {}

  record Replayed(int replayed, List<String> ids) {}

  @PostMapping("/replay")
  Replayed replay(@RequestBody ReplayRequest request) {
    boolean all = Boolean.TRUE.equals(request.all());
    boolean ids = request.ids() != null && !request.ids().isEmpty();
    boolean reason = request.reason() != null && !request.reason().isBlank();
    if ((all ? 1 : 0) + (ids ? 1 : 0) + (reason ? 1 : 0) != 1) {
      throw badRequest(
          "Give exactly one of {\"all\": true}, {\"ids\": [...]} or {\"reason\": ...}");
    }
    if (ids && request.ids().stream().anyMatch(id -> !id.matches("\\d{1,20}-\\d{1,20}"))) {
      throw badRequest("ids are stream entry ids such as 1700000000000-0");
    }
    List<String> done =
        deadLetters.replay(new DeadLetters.Selection(all, request.ids(), request.reason()));
    return new Replayed(done.size(), done);
  }

  private static ErrorResponseException badRequest(String detail) {
    return new ErrorResponseException(
        HttpStatus.BAD_REQUEST,
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail),
        null);
  }
}
