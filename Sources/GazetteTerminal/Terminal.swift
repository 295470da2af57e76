import CNcursesw
import GazetteUI
