import { Entity } from '@backstage/catalog-model';

/** The owner group's catalog-info.yaml with the rotation annotation to add. */
export function rotationAnnotationSnippet(entity: Entity): string {
  const owner = String(entity.spec?.owner ?? 'group:default/my-team');
  const name = owner.replace(/^.*[:/]/, '');
  return `# catalog-info.yaml of the owner group (${owner})
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: ${name}
  annotations:
    # A rotation file beside this one; or pagerduty.com/service-id / opsgenie.com/team
    reliability/rotation: ./rotation.yaml`;
}

/** A first rotation file: a weekly primary and an escalation. */
export const ROTATION_FILE_SNIPPET = `# rotation.yaml, beside the group's catalog-info.yaml
apiVersion: reliability.dev/v1
kind: Rotation
metadata:
  name: my-team-oncall
  displayName: My team on-call
spec:
  timeZone: Europe/Berlin
  layers:
    - name: weekly
      start: 2026-01-05T09:00
      shiftLength: 1w
      members: [alice, bob]   # user entity names
  escalation:
    - { after: 15m, users: [carol] }`;

/** The entity's own PagerDuty mapping, for services paged through PagerDuty. */
export function pagerDutySnippet(entity: Entity): string {
  return `# catalog-info.yaml of ${entity.metadata.name}
metadata:
  annotations:
    pagerduty.com/service-id: PXXXXXX   # the PagerDuty service id`;
}
