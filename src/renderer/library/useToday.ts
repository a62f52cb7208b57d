import { useEffect, useState } from 'react';

/** Today's date, refreshed a little after each local midnight so "Today" becomes "Yesterday". */
export function useToday(): Date {
  const [today, setToday] = useState(() => new Date());
  useEffect(() => {
    const next = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1, 0, 0, 5);
    const timer = setTimeout(() => setToday(new Date()), Math.max(1000, next.getTime() - Date.now()));
    return () => clearTimeout(timer);
  }, [today]);
  return today;
}
