import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { SloLoadError } from '../../api';

const KIND_TEXT: Record<SloLoadError['kind'], string> = {
  location: 'Bad location in reliability/slos',
  read: 'Could not read the file',
  validation: 'Invalid SLO',
  conflict: 'Conflicting SLO',
};

/**
 * The problems of the entity's SLO files, each with where it is (file, line, column and the
 * path inside the document) and the backend's message, which says how to fix it.
 */
export function SloLoadErrors(props: { errors: SloLoadError[] }) {
  if (props.errors.length === 0) {
    return null;
  }
  return (
    <Box component="section" aria-label="Problems in the SLO files">
      <Typography variant="h6" component="h2" gutterBottom>
        Problems in the SLO files ({props.errors.length})
      </Typography>
      {props.errors.map((error, index) => (
        <Box key={index} mb={1}>
          <Alert severity={error.severity === 'warning' ? 'warning' : 'error'}>
            <AlertTitle>
              {KIND_TEXT[error.kind] ?? error.kind}:{' '}
              <code>
                {error.file}
                {error.line > 0 ? `:${error.line}:${error.column}` : ''}
              </code>
            </AlertTitle>
            {error.path && (
              <Typography variant="body2">
                at <code>{error.path}</code>
              </Typography>
            )}
            <Typography variant="body2">{error.message}</Typography>
          </Alert>
        </Box>
      ))}
    </Box>
  );
}
