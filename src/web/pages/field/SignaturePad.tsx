import { useEffect, useRef } from 'react';
import { Button } from 'antd';
import { useI18n } from '../../i18n/lang';

/**
 * The enterprise representative signs with a finger (or the mouse) on a canvas; every finished stroke
 * hands the picture on as a PNG data URL. A signature kept in the draft is drawn back when reopened.
 */
export function SignaturePad({ value, onChange, disabled }: { value: string | null; onChange: (dataUrl: string | null) => void; disabled?: boolean }) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const drawn = useRef(false);

  useEffect(() => {
    const c = canvas.current!;
    const ratio = window.devicePixelRatio || 1;
    c.width = Math.round(c.clientWidth * ratio);
    c.height = Math.round(c.clientHeight * ratio);
    const ctx = c.getContext('2d')!;
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111';
    if (value) {
      const img = new Image();
      img.onload = () => ctx.drawImage(img, 0, 0, c.clientWidth, c.clientHeight);
      img.src = value;
      drawn.current = true;
    }
    // Drawn once on mount; later values come from this pad itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  return (
    <div className="fd-sign">
      <canvas
        ref={canvas}
        className={disabled ? 'fd-sign-canvas is-disabled' : 'fd-sign-canvas'}
        data-testid="fd-signature"
        onPointerDown={(e) => {
          if (disabled) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          drawing.current = true;
          const ctx = e.currentTarget.getContext('2d')!;
          const p = point(e);
          ctx.beginPath();
          ctx.moveTo(p.x, p.y);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const ctx = e.currentTarget.getContext('2d')!;
          const p = point(e);
          ctx.lineTo(p.x, p.y);
          ctx.stroke();
          drawn.current = true;
        }}
        onPointerUp={(e) => {
          if (!drawing.current) return;
          drawing.current = false;
          if (drawn.current) onChange(e.currentTarget.toDataURL('image/png'));
        }}
      />
      <div className="fd-sign-bar">
        <span className="es-muted">{value ? t('field.sign.done') : t('field.sign.hint')}</span>
        <Button size="small" disabled={disabled || !value} data-testid="fd-signature-clear"
          onClick={() => {
            const c = canvas.current!;
            c.getContext('2d')!.clearRect(0, 0, c.width, c.height);
            drawn.current = false;
            onChange(null);
          }}>
          {t('field.sign.clear')}
        </Button>
      </div>
    </div>
  );
}
