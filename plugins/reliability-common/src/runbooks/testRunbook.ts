/**
 * A valid runbook used by the tests of this folder.
 *
 * @internal
 */
export const VALID_RUNBOOK = `apiVersion: reliability.dev/v1
kind: Runbook
metadata:
  name: checkout
  title: Checkout errors
spec:
  start: burning
  entryPoints:
    - alert: CheckoutHighErrorRate
      node: burning
    - alert: CheckoutLatencyHigh
      node: slow
  nodes:
    burning:
      title: Is the budget burning?
      question: Do the 5m and 1h windows both burn?
      evidence:
        - slo: checkout-availability
          note: compare the two windows
        - title: Errors
          url: https://grafana.example.com/d/checkout
          params:
            var-service: checkout
            from: now-1h
      answers:
        - answer: Both
          next: deploy
        - answer: Only 5m
          next: wait
    wait:
      title: Wait
      action: Wait five minutes, then look again.
      next: burning
    deploy:
      title: Roll back
      action: Roll back the last deploy.
      commands:
        - kubectl -n checkout rollout undo deployment/checkout
      links:
        - title: Deploys
          url: https://deploys.example.com/checkout
      next: better
    better:
      question: Did the error rate drop?
      answers:
        - answer: "Yes"
          next: done
        - answer: "No"
          next: page
    done:
      action: Note the rollback in the incident channel.
      end: resolved
    page:
      title: Page payments
      action: Payments is the likely cause.
      end: escalate
      escalation:
        to: group:default/payments
        message: share the failing request ids
    slow:
      action: Look at the slowest endpoints tomorrow.
      end: resolved
`;
