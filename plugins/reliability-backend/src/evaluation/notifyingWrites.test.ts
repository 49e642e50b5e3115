import { notifyingWrites } from './notifyingWrites';

describe('notifyingWrites', () => {
  class Store {
    #rows: string[] = [];
    async write(row: string) {
      if (!row) throw new Error('empty row');
      this.#rows.push(row);
    }
    async read() {
      return [...this.#rows];
    }
  }

  it('notifies after each named write settles, and leaves other methods alone', async () => {
    const onWrite = jest.fn();
    const store = notifyingWrites(new Store(), ['write'], onWrite);

    const writing = store.write('a');
    expect(onWrite).not.toHaveBeenCalled();
    await writing;
    expect(onWrite).toHaveBeenCalledTimes(1);

    await expect(store.write('')).rejects.toThrow('empty row');
    expect(onWrite).toHaveBeenCalledTimes(2);

    // Methods reach the store's private fields through the wrapper.
    await expect(store.read()).resolves.toEqual(['a']);
    expect(onWrite).toHaveBeenCalledTimes(2);
  });
});
