import { describe, expect, it } from 'vitest';
import { exportFileName, slug } from './fileName';

describe('export file names', () => {
  it('are the scenario slug and the tick', () => {
    expect(exportFileName('Work queue', 1200, 'csv')).toBe('work-queue-t1200.csv');
    expect(exportFileName('Work queue', 1200, 'png', 'Latency')).toBe(
      'work-queue-t1200-latency.png',
    );
  });

  it('keep only safe characters, whatever the name holds', () => {
    expect(slug('Café: <script>/../x')).toBe('cafe-script-x');
    expect(slug('***')).toBe('run');
    expect(slug('a'.repeat(100)).length).toBe(60);
  });
});
