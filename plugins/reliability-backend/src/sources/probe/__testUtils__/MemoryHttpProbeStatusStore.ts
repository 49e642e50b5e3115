import { HttpProbeStatus, HttpProbeStatusStore } from '../HttpProbeStatusStore';

/** An in-memory {@link HttpProbeStatusStore} for tests. */
export class MemoryHttpProbeStatusStore implements HttpProbeStatusStore {
  readonly statuses = new Map<string, HttpProbeStatus>();

  async record(status: HttpProbeStatus): Promise<void> {
    this.statuses.set(status.sloId, { ...status });
  }

  async get(sloId: string) {
    return this.statuses.get(sloId);
  }

  async list() {
    return [...this.statuses.values()];
  }

  async deleteExcept(sloIds: string[]) {
    let deleted = 0;
    for (const id of [...this.statuses.keys()]) {
      if (!sloIds.includes(id)) {
        this.statuses.delete(id);
        deleted += 1;
      }
    }
    return deleted;
  }
}
