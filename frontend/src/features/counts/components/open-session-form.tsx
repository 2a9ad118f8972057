import { useId, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert';
import { useNavigate } from '@/lib/router';
import { paths } from '@/config/paths';
import { useFindLocationByCode } from '../api/lookups';
import { useOpenSession } from '../api/counts-api';
import { problemText } from './problem-text';

/** A manager opens a stocktake of a location and everything under it. */
export function OpenSessionForm() {
  const ids = { code: useId(), blind: useId(), quantity: useId(), percent: useId() };
  const [code, setCode] = useState('');
  const [blind, setBlind] = useState(true);
  const [quantity, setQuantity] = useState('');
  const [percent, setPercent] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const findLocation = useFindLocationByCode();
  const open = useOpenSession();
  const navigate = useNavigate();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      const location = await findLocation(code.trim());
      if (!location) {
        setProblem(`No location has the code ${code.trim()}.`);
        return;
      }
      const session = await open.mutateAsync({
        locationId: location.id,
        blind,
        ...(quantity.trim() ? { thresholdQuantity: quantity.trim() } : {}),
        ...(percent.trim() ? { thresholdPercent: Number(percent) } : {}),
      });
      navigate(paths.countSession(session.id));
    } catch (error) {
      setProblem(problemText(error));
    }
  };

  return (
    <section className="card section" aria-labelledby={`${ids.code}-title`}>
      <h2 id={`${ids.code}-title`}>Open a count</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {problem ? <FormAlert detail={problem} /> : null}
        <div className="field">
          <label className="field__label" htmlFor={ids.code}>
            Location code
          </label>
          <input
            id={ids.code}
            className="input mono"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            aria-describedby={`${ids.code}-hint`}
          />
          <p className="field__hint" id={`${ids.code}-hint`}>
            The location and every place under it are counted.
          </p>
        </div>
        <div className="field">
          <label className="field__label">
            <input
              id={ids.blind}
              type="checkbox"
              checked={blind}
              onChange={(e) => setBlind(e.target.checked)}
            />{' '}
            Blind count (counters do not see expected quantities)
          </label>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.quantity}>
            Flag variances over (quantity)<span className="field__optional"> (optional)</span>
          </label>
          <input
            id={ids.quantity}
            className="input"
            inputMode="decimal"
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.percent}>
            Flag variances over (%)<span className="field__optional"> (optional)</span>
          </label>
          <input
            id={ids.percent}
            className="input"
            inputMode="decimal"
            value={percent}
            onChange={(e) => setPercent(e.target.value)}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={open.isPending}>
            {open.isPending ? 'Opening…' : 'Open count'}
          </button>
        </div>
      </form>
    </section>
  );
}
