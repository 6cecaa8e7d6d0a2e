import { Route, Routes } from 'react-router-dom';
import { InspectionForm } from './InspectionForm';
import { MyInspections } from './MyInspections';
import './field.css';

/** 现场检查 (phone first): /field lists my inspections, /field/:id is the form of one, usable offline. */
export default function FieldPage() {
  return (
    <div className="fd-page" data-testid="field-page">
      <Routes>
        <Route index element={<MyInspections />} />
        <Route path=":id" element={<InspectionForm />} />
      </Routes>
    </div>
  );
}
