// The corpus generator and measurements live here.
